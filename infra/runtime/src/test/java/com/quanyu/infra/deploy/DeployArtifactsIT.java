package com.quanyu.infra.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.SamFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs in {@code verify} (failsafe), after every function module has been packaged: the jars
 * template.yaml's {@code CodeUri}s name are the ones {@code sam deploy} uploads (README, Deploying).
 */
class DeployArtifactsIT {
    @Test
    void everyFunctionsHandlerIsInTheJarItsCodeUriNames() {
        List<SamFunction> functions = SamFunction.all(CfnTemplate.local());
        assertTrue(functions.size() >= 10, "template.yaml declares the functions: " + functions.size());
        assertEquals(
                List.of(),
                HandlerJars.problems(
                        RepoRoot.find(),
                        functions.stream().map(HandlerJars.Artifact::of).toList()));
    }
}
