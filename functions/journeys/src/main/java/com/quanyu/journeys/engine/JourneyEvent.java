package com.quanyu.journeys.engine;

import java.time.Instant;

/** A customer event as journeys see it (from the lake): who, what, when. */
public record JourneyEvent(String profileId, String name, Instant at, String messageId) {}
