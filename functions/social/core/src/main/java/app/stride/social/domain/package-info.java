/**
 * The social domain: groups, memberships (role, public card, read marker), join requests, bans,
 * invites and chat messages, with the rules that need no store (text limits, edit window, search
 * keys, ids naming their region). No framework imports (ArchUnit-tested).
 */
package app.stride.social.domain;
