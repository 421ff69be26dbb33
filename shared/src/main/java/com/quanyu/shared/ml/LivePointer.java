package com.quanyu.shared.ml;

import java.time.Instant;

/**
 * The registry's pointer object for one model kind: which version serves.
 *
 * @param kind      model kind
 * @param version   the live version
 * @param previous  the version live before this one, or null (what a plain rollback returns to)
 * @param updatedAt when the pointer moved
 * @param reason    why: "gate passed: ...", "rollback by operator: ..."
 */
public record LivePointer(String kind, String version, String previous, Instant updatedAt, String reason) {}
