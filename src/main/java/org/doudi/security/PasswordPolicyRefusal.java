package org.doudi.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A password the policy refuses is the client's mistake: the engine says so with a plain
 * {@code ProcessEngineException}, which {@code /engine-rest} and Camunda Admin answer with 500. Turned into a
 * {@link BadUserRequestException} (400) that says in Chinese what the policy asks.
 */
final class PasswordPolicyRefusal extends CommandInterceptor {

    /** What {@code SaveUserCmd} says (Camunda 7.24); {@code PasswordPolicyTest} fails should it change. */
    static final String ENGINE_MESSAGE = "Password does not match policy";

    static final String MESSAGE = "密码不符合密码策略：至少 10 个字符，须含大写字母、小写字母、数字和特殊字符各至少一个，"
            + "且不得包含用户名、姓名或电子邮件 (password does not match the policy)";

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            if (command instanceof SaveUserCmd && !(e instanceof BadUserRequestException)
                    && ENGINE_MESSAGE.equals(e.getMessage())) {
                throw new BadUserRequestException(MESSAGE, e);
            }
            throw e;
        }
    }
}
