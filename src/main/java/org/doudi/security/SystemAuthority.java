package org.doudi.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call that the system makes on a case's behalf (start its process, deliver an
 * objection, start a referral) without the engine's authorization checks for the user who triggered
 * it: Doudi has already checked his region and role, and a caseworker completing a task must not need
 * the right to start the poverty office's process. Never used for what a user asks of the engine
 * directly (Tasklist, {@code /engine-rest}).
 */
@Component
public class SystemAuthority {

    private final IdentityService identityService;

    SystemAuthority(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> engineCall) {
        CommandContext running = Context.getCommandContext();
        if (running != null) {
            return running.runWithoutAuthorization(engineCall::get);
        }
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return engineCall.get();
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }
}
