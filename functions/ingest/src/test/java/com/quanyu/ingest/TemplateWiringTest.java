package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.ingest.store.PosImport;
import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.SamFunction;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** template.yaml wires the ingest module as the handlers expect: routes, IAM on admin routes, the POS trigger, env. */
class TemplateWiringTest {
    private static final List<SamFunction> FUNCTIONS = SamFunction.all(CfnTemplate.local());

    private static SamFunction function(String id) {
        return FUNCTIONS.stream()
                .filter(f -> f.logicalId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void ingestRoutesWithTheStaffAuthoriserOnlyOnTheProfileRoutes() {
        SamFunction ingest = function("IngestFunction");
        assertEquals(IngestApiHandler.class.getName(), ingest.handlerClass());
        Map<String, String> routes = ingest.routes().stream()
                .collect(Collectors.toMap(SamFunction.HttpRoute::routeKey, SamFunction.HttpRoute::authorizer));
        for (String call : List.of("track", "identify", "page", "screen", "group", "alias", "batch")) {
            assertEquals(
                    "NONE",
                    routes.get("POST /v1/" + call),
                    call + ": write-key auth in the function, no gateway authoriser");
        }
        // staff (console) routes since issue 11: Cognito JWT, groups checked by StaffAccess (docs/security.md)
        assertEquals("StaffJwt", routes.get("GET /v1/profiles/{id}"));
        assertEquals("StaffJwt", routes.get("DELETE /v1/profiles/{id}"));
        for (String variable : List.of(
                "SOURCES_TABLE",
                "PROFILES_TABLE",
                "ORDERS_TABLE",
                "IDEMPOTENCY_TABLE",
                "DATA_LAKE_BUCKET",
                "MODELS_BUCKET",
                "CONVERSATIONS_TABLE")) {
            assertTrue(!ingest.environment().getOrDefault(variable, "").isBlank(), variable);
        }
    }

    @Test
    void posImportIsTriggeredByTheImportPrefixOfTheLake() {
        SamFunction pos = function("PosImportFunction");
        assertEquals(PosImportHandler.class.getName(), pos.handlerClass());
        assertEquals(1, pos.s3Events().size());
        assertEquals("DataLakeBucket", pos.s3Events().get(0).bucketLogicalId());
        assertEquals(PosImport.PREFIX, pos.s3Events().get(0).prefix());
    }
}
