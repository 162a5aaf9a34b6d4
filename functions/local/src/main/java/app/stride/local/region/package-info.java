/** One configured region at run time: its store, its event transport and its function hosts. */
package app.stride.local.region;
