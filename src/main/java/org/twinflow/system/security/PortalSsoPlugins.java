package org.twinflow.system.security;

import java.util.Set;

import jakarta.ws.rs.Path;

import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;

/**
 * A webapp plugin ({@code plugin-webapp/portal-sso/app/plugin.js}) for Tasklist, Cockpit, Admin and
 * Welcome that sends the webapps' own login page to the portal's sign-in, so there is one sign-in and
 * no half-logged-in state. Registered in {@code META-INF/services}.
 */
public final class PortalSsoPlugins {

    static final String ID = "portal-sso";

    private PortalSsoPlugins() {
    }

    public static class Tasklist extends AbstractTasklistPlugin {
        @Override public String getId() { return ID; }
        @Override public Set<Class<?>> getResourceClasses() { return Set.of(TasklistResource.class); }
    }

    public static class Cockpit extends AbstractCockpitPlugin {
        @Override public String getId() { return ID; }
        @Override public Set<Class<?>> getResourceClasses() { return Set.of(CockpitResource.class); }
    }

    public static class Admin extends AbstractAdminPlugin {
        @Override public String getId() { return ID; }
        @Override public Set<Class<?>> getResourceClasses() { return Set.of(AdminResource.class); }
    }

    public static class Welcome extends AbstractWelcomePlugin {
        @Override public String getId() { return ID; }
        @Override public Set<Class<?>> getResourceClasses() { return Set.of(WelcomeResource.class); }
    }

    @Path("plugin/" + ID)
    public static class TasklistResource extends AbstractTasklistPluginRootResource {
        public TasklistResource() { super(ID); }
    }

    @Path("plugin/" + ID)
    public static class CockpitResource extends AbstractCockpitPluginRootResource {
        public CockpitResource() { super(ID); }
    }

    @Path("plugin/" + ID)
    public static class AdminResource extends AbstractAdminPluginRootResource {
        public AdminResource() { super(ID); }
    }

    @Path("plugin/" + ID)
    public static class WelcomeResource extends AbstractWelcomePluginRootResource {
        public WelcomeResource() { super(ID); }
    }
}
