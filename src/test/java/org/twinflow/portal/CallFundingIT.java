package org.twinflow.portal;

/** {@link CallFundingScenario} on the shared H2 context of the portal tests. */
class CallFundingIT extends CallFundingScenario {
}
