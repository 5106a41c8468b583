package org.doudi.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Who handles {@code Task_HandleComplaint}: {@code ${hotlineRouting.group(execution)}}, the county's reviewers. */
@Component("hotlineRouting")
public class HotlineRouting {

    private final Hotline hotline;

    HotlineRouting(Hotline hotline) {
        this.hotline = hotline;
    }

    public String group(DelegateExecution execution) {
        return hotline.group(execution.getProcessBusinessKey());
    }
}
