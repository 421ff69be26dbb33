package com.quanyu.infra.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.infra.local.LocalContext;
import com.quanyu.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's cold start as Lambda does it: a fresh JVM loads the handler class with its no-arg
 * constructor (configuration from environment variables) and handles one API Gateway request.
 * Run in a fresh JVM by {@link ColdStartBenchmark}; args: handler class, event JSON file. Prints the
 * status and the phases' wall-clock times ({@link Phases}).
 *
 * <p>A {@link RequestStreamHandler} (what Lambda's runtime calls when the handler class has that
 * overload) gets the event's bytes and writes the response JSON itself, both inside the
 * {@code request} phase; a typed {@link RequestHandler} gets the event read by our Jackson mapper
 * (the {@code event} phase; its response is not serialised, which favours it slightly).
 */
public final class InvokeOnce {
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    private InvokeOnce() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Phases phases = Phases.start();
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        phases.end("init");
        LocalContext context = new LocalContext("coldstart", 1024, 30);
        int status;
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try (InputStream input = Files.newInputStream(Path.of(args[1]))) {
                stream.handleRequest(input, output, context);
            }
            phases.end("request");
            Matcher matcher = STATUS.matcher(output.toString(StandardCharsets.UTF_8));
            status = matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } else {
            // what Lambda's runtime does before calling a typed handler: the event JSON into its type
            APIGatewayV2HTTPEvent event =
                    Json.mapper().readValue(Files.readString(Path.of(args[1])), APIGatewayV2HTTPEvent.class);
            phases.end("event");
            status = ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler)
                    .handleRequest(event, context)
                    .getStatusCode();
            phases.end("request");
        }
        System.out.println("status=" + status);
        System.out.println(phases.line());
    }
}
