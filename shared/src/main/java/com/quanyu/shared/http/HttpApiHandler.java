package com.quanyu.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A handler of HTTP API routes that Lambda calls with the raw event: for a handler string
 * {@code Class::handleRequest} Lambda's Java runtime prefers the {@code (InputStream, OutputStream,
 * Context)} overload, which reads the event and writes the response with {@link HttpApiJson}
 * (streaming, no reflection) instead of the runtime's reflective mapping of the event classes, a
 * cost at every cold start. Tests and the local runtime call the typed {@code handleRequest}.
 */
public interface HttpApiHandler
        extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, RequestStreamHandler {
    @Override
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpApiJson.writeResponse(handleRequest(HttpApiJson.readEvent(input), context), output);
    }
}
