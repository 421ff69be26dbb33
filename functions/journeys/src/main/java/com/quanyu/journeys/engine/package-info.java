/**
 * The journey engine: enrolments, steps, consent, caps, quiet hours, exactly-once step claims and
 * measurement, over the {@code JourneyStore} port and the channel senders. No AWS types, no HTTP.
 */
package com.quanyu.journeys.engine;
