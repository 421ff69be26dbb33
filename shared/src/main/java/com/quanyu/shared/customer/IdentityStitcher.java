package com.quanyu.shared.customer;

import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds (or creates) the one profile an event's identifiers belong to, merging profiles the event
 * proves to be the same person. Built only on single-item conditional writes, in an order where every
 * crash leaves a state the next caller completes:
 * <ol>
 *   <li>a new identifier is claimed by a conditional put of its link before any profile item exists;</li>
 *   <li>a merge first freezes the merged-away profile (conditional on its version, setting
 *       {@code mergedInto}); from then on every writer is redirected to the target;</li>
 *   <li>the frozen snapshot is folded into the target (conditional on the target's version, and
 *       skipped when the target's {@code absorbed} set already names it), by whoever gets there first;</li>
 *   <li>links are re-pointed last; until then they resolve through the {@code mergedInto} chain.</li>
 * </ol>
 * A profile is only ever merged into a smaller (older) id, so chains are finite.
 */
final class IdentityStitcher {
    private static final JsonLogger LOG = JsonLogger.of(IdentityStitcher.class);
    private static final int MAX_ATTEMPTS = 40;

    /**
     * The outcome: the profile, which of the event's identifiers now point at it, and the profile as
     * last read (version 0 when not stored yet), so the caller's first write needs no extra read.
     */
    record Resolution(String profileId, List<Identifier> linked, boolean suppressed, Profile snapshot) {
        static Resolution forgotten() {
            return new Resolution(null, List.of(), true, null);
        }
    }

    private final ProfileRepository repository;
    private final IdentityRules rules;
    private final Clock clock;

    IdentityStitcher(ProfileRepository repository, IdentityRules rules, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
    }

    Resolution resolve(List<Identifier> identifiers) {
        return resolve(identifiers, null);
    }

    /**
     * Resolves an event's identifiers; {@code formerUserId} is an alias call's previousId read as a
     * userId: when a profile already holds it, the alias joins it (the person changed userId), even
     * past the one-userId limit; otherwise previousId was an anonymousId and is taken as such.
     */
    Resolution resolve(List<Identifier> identifiers, Identifier formerUserId) {
        List<Identifier> ids = identifiers;
        IdentityRules effective = rules;
        if (formerUserId != null
                && !identifiers.contains(formerUserId)
                && repository.links(List.of(formerUserId)).containsKey(formerUserId)) {
            ids = new ArrayList<>(identifiers);
            ids.add(formerUserId);
            ids.sort(java.util.Comparator.comparing(Identifier::type));
            effective = rules.withLimit(IdentifierType.USER_ID, rules.limit(IdentifierType.USER_ID) + 1);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Resolution> resolution = tryResolve(ids, effective);
            if (resolution.isPresent()) {
                return resolution.get();
            }
            Backoff.pause(attempt);
        }
        throw new IngestUnavailableException("identity resolution kept conflicting with concurrent writers");
    }

    /** Empty when a concurrent writer changed a link under us: the caller starts over. */
    private Optional<Resolution> tryResolve(List<Identifier> identifiers, IdentityRules rules) {
        Map<Identifier, IdentityLink> links = repository.links(identifiers);
        if (links.values().stream().anyMatch(IdentityLink::forgotten)) {
            return Optional.of(Resolution.forgotten());
        }
        Map<Identifier, String> rootOf = new java.util.LinkedHashMap<>();
        Map<String, Profile> snapshots = new java.util.HashMap<>();
        for (Identifier id : identifiers) {
            IdentityLink link = links.get(id);
            if (link != null) {
                Profile root = snapshots.values().stream()
                        .filter(p -> p.profileId().equals(link.profileId()))
                        .findFirst()
                        .orElseGet(() -> rootProfile(link.profileId()));
                snapshots.put(root.profileId(), root);
                rootOf.put(id, root.profileId());
            }
        }
        String root;
        List<Identifier> unlinked = new ArrayList<>();
        identifiers.stream().filter(id -> !rootOf.containsKey(id)).forEach(unlinked::add);
        Set<String> roots = new TreeSet<>(rootOf.values());
        if (roots.isEmpty()) {
            root = ProfileIds.next(clock.instant());
            Identifier primary = unlinked.remove(0);
            if (!repository.claimLink(primary, root)) {
                return Optional.empty();
            }
            rootOf.put(primary, root);
            snapshots.put(root, Profile.empty(root));
        } else if (roots.size() == 1) {
            root = roots.iterator().next();
        } else {
            // The highest-priority identifier's profile keeps the event if the merge is refused.
            String preferred = rootOf.get(
                    identifiers.stream().filter(rootOf::containsKey).findFirst().orElseThrow());
            Optional<String> merged = mergeAll(roots, rules);
            for (var entry : rootOf.entrySet()) {
                entry.setValue(root(entry.getValue()));
            }
            if (merged.isPresent() && new java.util.HashSet<>(rootOf.values()).size() > 1) {
                // A concurrent writer merged one of these profiles into another person-profile between
                // our reads and our merge: read the links again rather than leave the person split.
                return Optional.empty();
            }
            root = root(merged.orElse(preferred));
        }
        Profile current = roots.size() <= 1 ? snapshots.get(root) : null;
        if (current == null) {
            current = repository.load(root).orElse(Profile.empty(root));
        }
        for (Identifier id : unlinked) {
            if (current.identifierCount(id.type()) >= rules.limit(id.type()) && !current.hasIdentifier(id)) {
                LOG.warn(
                        "identifier limit reached; identifier not linked",
                        "profileId",
                        root,
                        "identifierType",
                        id.type().wireName(),
                        "limit",
                        rules.limit(id.type()));
                continue;
            }
            if (!repository.claimLink(id, root)) {
                return Optional.empty();
            }
            rootOf.put(id, root);
        }
        final String canonical = root;
        List<Identifier> linked = identifiers.stream()
                .filter(id -> canonical.equals(rootOf.get(id)))
                .toList();
        return Optional.of(new Resolution(canonical, linked, false, current));
    }

    /**
     * The live profile id at the end of {@code profileId}'s merge chain, completing any merge step a
     * crashed writer left unfinished on the way.
     */
    String root(String profileId) {
        return rootProfile(profileId).profileId();
    }

    /** Like {@link #root}, returning the root profile as read (empty, version 0, when not stored yet). */
    Profile rootProfile(String profileId) {
        String current = profileId;
        for (int hop = 0; hop < 64; hop++) {
            Optional<Profile> profile = repository.load(current);
            if (profile.isEmpty()) {
                return Profile.empty(current);
            }
            if (!profile.get().isMerged()) {
                return profile.get();
            }
            current = absorb(profile.get());
        }
        throw new IllegalStateException("merge chain longer than 64 from " + profileId);
    }

    /** Folds a frozen profile into its target's root (once); returns that root. */
    String absorb(Profile frozen) {
        String targetId = frozen.mergedInto();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Profile target = repository.load(targetId).orElse(Profile.empty(targetId));
            if (target.isMerged()) {
                targetId = absorb(target);
                continue;
            }
            if (target.absorbed().contains(frozen.profileId())) {
                return targetId;
            }
            if (repository.save(ProfileFold.merge(target, frozen, clock.instant()), target.version())) {
                LOG.info("profiles merged", "into", targetId, "from", frozen.profileId());
                Metrics.of("identity").count("ProfilesMerged", 1).emit();
                return targetId;
            }
            Backoff.pause(attempt);
        }
        throw new IngestUnavailableException("merge into " + targetId + " kept conflicting with concurrent writers");
    }

    /** Merges live profiles into the smallest id; empty when the identifier limits refuse it. */
    private Optional<String> mergeAll(Set<String> roots, IdentityRules rules) {
        List<Profile> profiles = roots.stream()
                .map(id -> repository.load(id).orElse(Profile.empty(id)))
                .toList();
        Profile union = profiles.get(0);
        for (Profile other : profiles.subList(1, profiles.size())) {
            Optional<IdentifierType> exceeded = ProfileFold.exceededLimit(union, other, rules);
            if (exceeded.isPresent()) {
                LOG.warn(
                        "merge refused: identifier limit",
                        "profiles",
                        roots,
                        "identifierType",
                        exceeded.get().wireName(),
                        "limit",
                        rules.limit(exceeded.get()));
                return Optional.empty();
            }
            union = ProfileFold.merge(union, other, clock.instant());
        }
        String canonical = roots.iterator().next();
        for (String other : new LinkedHashSet<>(roots)) {
            if (!other.equals(canonical)) {
                mergeInto(other, canonical);
            }
        }
        return Optional.of(canonical);
    }

    private void mergeInto(String fromId, String intoId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Profile from = repository.load(fromId).orElse(Profile.empty(fromId));
            if (from.isMerged()) {
                absorb(from);
                return;
            }
            Profile frozen = ProfileFold.frozen(from, intoId);
            if (repository.save(frozen, from.version())) {
                String root = absorb(frozen);
                for (Identifier id : frozen.identifierList()) {
                    repository.repointLink(id, fromId, root);
                }
                return;
            }
            Backoff.pause(attempt);
        }
        throw new IngestUnavailableException("freezing " + fromId + " kept conflicting with concurrent writers");
    }
}
