package com.quanyu.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API Gateway HTTP API payload (format 2.0) read from and written to JSON with Jackson's
 * streaming parser and generator only: no databind, so no reflective introspection of the event
 * classes at a cold start (it was a measurable share of the first request, docs/BENCHMARKS.md).
 * Reads what Jackson's mapper reads into {@link APIGatewayV2HTTPEvent} (unknown fields skipped,
 * scalars accepted as the strings the event's maps hold); writes the response fields API Gateway
 * reads, nulls left out.
 */
public final class HttpApiJson {
    /** Leaves the streams open: they are the caller's (Lambda's runtime, a test). */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private HttpApiJson() {}

    /** The event in {@code input}; JSON that is not an object, or a field of the wrong shape, is an {@link IOException}. */
    public static APIGatewayV2HTTPEvent readEvent(InputStream input) throws IOException {
        try (JsonParser parser = JSON.createParser(input)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "an API Gateway event must be a JSON object");
            }
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "version" -> event.setVersion(text(parser));
                    case "routeKey" -> event.setRouteKey(text(parser));
                    case "rawPath" -> event.setRawPath(text(parser));
                    case "rawQueryString" -> event.setRawQueryString(text(parser));
                    case "cookies" -> event.setCookies(texts(parser));
                    case "headers" -> event.setHeaders(textMap(parser));
                    case "queryStringParameters" -> event.setQueryStringParameters(textMap(parser));
                    case "pathParameters" -> event.setPathParameters(textMap(parser));
                    case "stageVariables" -> event.setStageVariables(textMap(parser));
                    case "body" -> event.setBody(text(parser));
                    case "isBase64Encoded" -> event.setIsBase64Encoded(parser.getValueAsBoolean());
                    case "requestContext" -> event.setRequestContext(requestContext(parser));
                    default -> parser.skipChildren();
                }
            }
            return event;
        }
    }

    /** Writes {@code response} as the JSON Lambda returns to API Gateway. */
    public static void writeResponse(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(output)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            if (response.getHeaders() != null) {
                json.writeObjectFieldStart("headers");
                for (var header : response.getHeaders().entrySet()) {
                    json.writeStringField(header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectFieldStart("multiValueHeaders");
                for (var header : response.getMultiValueHeaders().entrySet()) {
                    writeTexts(json, header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            if (response.getCookies() != null) {
                writeTexts(json, "cookies", response.getCookies());
            }
            if (response.getBody() != null) {
                json.writeStringField("body", response.getBody());
            }
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        }
    }

    private static RequestContext requestContext(JsonParser parser) throws IOException {
        if (!startObject(parser)) {
            return null;
        }
        RequestContext context = new RequestContext();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "routeKey" -> context.setRouteKey(text(parser));
                case "accountId" -> context.setAccountId(text(parser));
                case "stage" -> context.setStage(text(parser));
                case "apiId" -> context.setApiId(text(parser));
                case "domainName" -> context.setDomainName(text(parser));
                case "domainPrefix" -> context.setDomainPrefix(text(parser));
                case "time" -> context.setTime(text(parser));
                case "timeEpoch" -> context.setTimeEpoch(parser.getValueAsLong());
                case "http" -> context.setHttp(http(parser));
                case "authorizer" -> context.setAuthorizer(authorizer(parser));
                case "requestId" -> context.setRequestId(text(parser));
                default -> parser.skipChildren();
            }
        }
        return context;
    }

    private static RequestContext.Http http(JsonParser parser) throws IOException {
        if (!startObject(parser)) {
            return null;
        }
        RequestContext.Http http = new RequestContext.Http();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "method" -> http.setMethod(text(parser));
                case "path" -> http.setPath(text(parser));
                case "protocol" -> http.setProtocol(text(parser));
                case "sourceIp" -> http.setSourceIp(text(parser));
                case "userAgent" -> http.setUserAgent(text(parser));
                default -> parser.skipChildren();
            }
        }
        return http;
    }

    private static RequestContext.Authorizer authorizer(JsonParser parser) throws IOException {
        if (!startObject(parser)) {
            return null;
        }
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "jwt" -> authorizer.setJwt(jwt(parser));
                case "lambda" -> authorizer.setLambda(valueMap(parser));
                case "iam" -> authorizer.setIam(iam(parser));
                default -> parser.skipChildren();
            }
        }
        return authorizer;
    }

    private static RequestContext.Authorizer.JWT jwt(JsonParser parser) throws IOException {
        if (!startObject(parser)) {
            return null;
        }
        RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "claims" -> jwt.setClaims(textMap(parser));
                case "scopes" -> jwt.setScopes(texts(parser));
                default -> parser.skipChildren();
            }
        }
        return jwt;
    }

    private static RequestContext.IAM iam(JsonParser parser) throws IOException {
        if (!startObject(parser)) {
            return null;
        }
        RequestContext.IAM iam = new RequestContext.IAM();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "accessKey" -> iam.setAccessKey(text(parser));
                case "accountId" -> iam.setAccountId(text(parser));
                case "callerId" -> iam.setCallerId(text(parser));
                case "cognitoIdentity" -> iam.setCognitoIdentity(cognitoIdentity(parser));
                case "principalOrgId" -> iam.setPrincipalOrgId(text(parser));
                case "userArn" -> iam.setUserArn(text(parser));
                case "userId" -> iam.setUserId(text(parser));
                default -> parser.skipChildren();
            }
        }
        return iam;
    }

    private static RequestContext.CognitoIdentity cognitoIdentity(JsonParser parser) throws IOException {
        if (!startObject(parser)) {
            return null;
        }
        RequestContext.CognitoIdentity identity = new RequestContext.CognitoIdentity();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "amr" -> identity.setAmr(texts(parser));
                case "identityId" -> identity.setIdentityId(text(parser));
                case "identityPoolId" -> identity.setIdentityPoolId(text(parser));
                default -> parser.skipChildren();
            }
        }
        return identity;
    }

    /** True at the start of an object, false at a null; anything else is the wrong shape. */
    private static boolean startObject(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected an object for '" + parser.currentName() + "'");
        }
        return true;
    }

    /** A scalar as text (numbers and booleans as written), null for null; objects and arrays are the wrong shape. */
    private static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new JsonParseException(parser, "expected a string for '" + parser.currentName() + "'");
        }
        return parser.getText();
    }

    private static List<String> texts(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(parser, "expected an array for '" + parser.currentName() + "'");
        }
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(text(parser));
        }
        return values;
    }

    private static Map<String, String> textMap(JsonParser parser) throws IOException {
        if (!startObject(parser)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, text(parser));
        }
        return values;
    }

    /** A Lambda authoriser's context: any JSON, as maps, lists, strings, numbers and booleans. */
    private static Map<String, Object> valueMap(JsonParser parser) throws IOException {
        if (!startObject(parser)) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, value(parser));
        }
        return values;
    }

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> valueMap(parser);
            case START_ARRAY -> {
                List<Object> values = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    values.add(value(parser));
                }
                yield values;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static void writeTexts(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
