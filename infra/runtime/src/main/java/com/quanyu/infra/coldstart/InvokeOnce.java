package com.quanyu.infra.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.infra.local.LocalContext;
import com.quanyu.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A function's cold start as Lambda does it: a fresh JVM loads the handler class with its no-arg
 * constructor (configuration from environment variables) and handles one API Gateway request.
 * Run in a fresh JVM by {@link ColdStartBenchmark}; args: handler class, event JSON file. Prints the
 * status and the phases' wall-clock times ({@link Phases}).
 */
public final class InvokeOnce {
    private InvokeOnce() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Phases phases = Phases.start();
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0]).getConstructor().newInstance();
        phases.end("init");
        // what Lambda's runtime does before calling the handler: the event JSON into its type
        APIGatewayV2HTTPEvent event =
                Json.mapper().readValue(Files.readString(Path.of(args[1])), APIGatewayV2HTTPEvent.class);
        phases.end("event");
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new LocalContext("coldstart", 1024, 30));
        phases.end("request");
        System.out.println("status=" + response.getStatusCode());
        System.out.println(phases.line());
    }
}
