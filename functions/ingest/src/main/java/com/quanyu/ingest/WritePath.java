package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.ingest.store.RejectedEventArchive;
import com.quanyu.shared.customer.Source;
import java.util.List;

/**
 * What the intake does with a validated request's events, and the answer: into the durable buffer
 * ({@link BufferedWritePath}, the deployed path) or straight through the pipeline
 * ({@link DirectWritePath}, the synchronous alternative).
 */
interface WritePath {
    /** Writes the valid events of a request; {@code rejected} are its invalid ones, listed in the answer. */
    APIGatewayV2HTTPResponse write(
            Source source, List<AcceptedEvent> events, List<RejectedEventArchive.Rejection> rejected);
}
