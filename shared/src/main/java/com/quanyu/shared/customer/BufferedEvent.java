package com.quanyu.shared.customer;

import java.util.Objects;

/**
 * A validated event as a durable buffer hands it to {@link EventPipeline#fold}: with the source that
 * sent it, since one buffered batch mixes sources.
 *
 * @param source who sent the event
 * @param event  the event, parsed and validated when it was accepted
 */
public record BufferedEvent(Source source, CustomerEvent event) {
    public BufferedEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(event, "event");
    }
}
