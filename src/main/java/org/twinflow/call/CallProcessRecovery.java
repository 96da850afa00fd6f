package org.twinflow.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the process of a published call that has none: the call migration V013 created for the proposals made
 * before calls existed (a migration cannot start a process). A call closed by its process keeps its ended instance.
 */
@Component
class CallProcessRecovery {

    private static final Logger log = LoggerFactory.getLogger(CallProcessRecovery.class);

    private final CallRepository calls;
    private final CallProcessStarter process;

    CallProcessRecovery(CallRepository calls, CallProcessStarter process) {
        this.calls = calls;
        this.process = process;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    @Transactional
    public void startMissingCallProcesses() {
        calls.findAllByOrderByOpensAtDesc().stream().filter(c -> c.isPublished() && c.getClosedAt() == null).forEach(c -> {
            // Locked, so that two nodes starting together do not both start it.
            CallForProposals call = calls.findForChangeById(c.getId()).orElseThrow();
            if (!process.isRunning(call.getReference())) {
                process.start(call);
                log.info("Started the process of call {}", call.getReference());
            }
        });
    }
}
