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
            return object(parser, new APIGatewayV2HTTPEvent(), (event, field, p) -> {
                switch (field) {
                    case "version" -> event.setVersion(text(p));
                    case "routeKey" -> event.setRouteKey(text(p));
                    case "rawPath" -> event.setRawPath(text(p));
                    case "rawQueryString" -> event.setRawQueryString(text(p));
                    case "cookies" -> event.setCookies(texts(p));
                    case "headers" -> event.setHeaders(textMap(p));
                    case "queryStringParameters" -> event.setQueryStringParameters(textMap(p));
                    case "pathParameters" -> event.setPathParameters(textMap(p));
                    case "stageVariables" -> event.setStageVariables(textMap(p));
                    case "body" -> event.setBody(text(p));
                    case "isBase64Encoded" -> event.setIsBase64Encoded(p.getValueAsBoolean());
                    case "requestContext" -> event.setRequestContext(requestContext(p));
                    default -> p.skipChildren();
                }
            });
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

    /** Reads one field of an object into its target; skips the value of a field it does not know. */
    @FunctionalInterface
    private interface FieldReader<T> {
        void read(T target, String field, JsonParser parser) throws IOException;
    }

    /** The object at the parser's position read field by field into {@code target}; null for a JSON null. */
    private static <T> T object(JsonParser parser, T target, FieldReader<T> fields) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected an object for '" + parser.currentName() + "'");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            fields.read(target, field, parser);
        }
        return target;
    }

    private static RequestContext requestContext(JsonParser parser) throws IOException {
        return object(parser, new RequestContext(), (context, field, p) -> {
            switch (field) {
                case "routeKey" -> context.setRouteKey(text(p));
                case "accountId" -> context.setAccountId(text(p));
                case "stage" -> context.setStage(text(p));
                case "apiId" -> context.setApiId(text(p));
                case "domainName" -> context.setDomainName(text(p));
                case "domainPrefix" -> context.setDomainPrefix(text(p));
                case "time" -> context.setTime(text(p));
                case "timeEpoch" -> context.setTimeEpoch(p.getValueAsLong());
                case "http" -> context.setHttp(http(p));
                case "authorizer" -> context.setAuthorizer(authorizer(p));
                case "requestId" -> context.setRequestId(text(p));
                default -> p.skipChildren();
            }
        });
    }

    private static RequestContext.Http http(JsonParser parser) throws IOException {
        return object(parser, new RequestContext.Http(), (http, field, p) -> {
            switch (field) {
                case "method" -> http.setMethod(text(p));
                case "path" -> http.setPath(text(p));
                case "protocol" -> http.setProtocol(text(p));
                case "sourceIp" -> http.setSourceIp(text(p));
                case "userAgent" -> http.setUserAgent(text(p));
                default -> p.skipChildren();
            }
        });
    }

    private static RequestContext.Authorizer authorizer(JsonParser parser) throws IOException {
        return object(parser, new RequestContext.Authorizer(), (authorizer, field, p) -> {
            switch (field) {
                case "jwt" -> authorizer.setJwt(jwt(p));
                case "lambda" -> authorizer.setLambda(valueMap(p));
                case "iam" -> authorizer.setIam(iam(p));
                default -> p.skipChildren();
            }
        });
    }

    private static RequestContext.Authorizer.JWT jwt(JsonParser parser) throws IOException {
        return object(parser, new RequestContext.Authorizer.JWT(), (jwt, field, p) -> {
            switch (field) {
                case "claims" -> jwt.setClaims(textMap(p));
                case "scopes" -> jwt.setScopes(texts(p));
                default -> p.skipChildren();
            }
        });
    }

    private static RequestContext.IAM iam(JsonParser parser) throws IOException {
        return object(parser, new RequestContext.IAM(), (iam, field, p) -> {
            switch (field) {
                case "accessKey" -> iam.setAccessKey(text(p));
                case "accountId" -> iam.setAccountId(text(p));
                case "callerId" -> iam.setCallerId(text(p));
                case "cognitoIdentity" -> iam.setCognitoIdentity(cognitoIdentity(p));
                case "principalOrgId" -> iam.setPrincipalOrgId(text(p));
                case "userArn" -> iam.setUserArn(text(p));
                case "userId" -> iam.setUserId(text(p));
                default -> p.skipChildren();
            }
        });
    }

    private static RequestContext.CognitoIdentity cognitoIdentity(JsonParser parser) throws IOException {
        return object(parser, new RequestContext.CognitoIdentity(), (identity, field, p) -> {
            switch (field) {
                case "amr" -> identity.setAmr(texts(p));
                case "identityId" -> identity.setIdentityId(text(p));
                case "identityPoolId" -> identity.setIdentityPoolId(text(p));
                default -> p.skipChildren();
            }
        });
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
        return object(parser, new LinkedHashMap<String, String>(), (values, name, p) -> values.put(name, text(p)));
    }

    /** A Lambda authoriser's context: any JSON, as maps, lists, strings, numbers and booleans. */
    private static Map<String, Object> valueMap(JsonParser parser) throws IOException {
        return object(parser, new LinkedHashMap<String, Object>(), (values, name, p) -> values.put(name, value(p)));
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
