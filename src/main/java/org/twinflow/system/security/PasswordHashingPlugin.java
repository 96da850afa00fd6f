package org.twinflow.system.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's identity service hash new passwords with PBKDF2 (see {@link Pbkdf2PasswordEncryptor});
 * Camunda's password manager keeps checking SHA hashes stored before.
 */
@Component
class PasswordHashingPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new Pbkdf2PasswordEncryptor());
    }
}
