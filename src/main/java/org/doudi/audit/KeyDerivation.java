package org.doudi.audit;

/**
 * Keys for other features derived from the audit key, so that a deployment keeps one secret (the same on
 * every node, never in the database) instead of several. Each purpose gets its own key: knowing one
 * derived key tells nothing about the audit key or another purpose's key.
 */
public interface KeyDerivation {

    /**
     * A 32-byte key for a purpose: HMAC-SHA256 under the audit key of a domain tag and the purpose (domain
     * separation from the trail's own MACs, whose tags differ).
     */
    byte[] derive(String purpose);
}
