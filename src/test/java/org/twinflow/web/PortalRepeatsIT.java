package org.twinflow.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link PortalRepeatScenarios} on H2, the embedded database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalRepeatsIT extends PortalRepeatScenarios {
}
