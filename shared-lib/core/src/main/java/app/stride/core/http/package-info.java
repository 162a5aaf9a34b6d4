/**
 * The cloud-neutral HTTP shape every capability's entry function takes and returns. The AWS and GCP
 * entry points translate their own request shapes into these records and back; nothing else differs
 * by cloud.
 */
package app.stride.core.http;
