package org.twinflow.notification;

import org.camunda.bpm.engine.test.mock.Mocks;

/** Registers the notice-sending beans, over the given (mocked) service, for process tests. */
public final class NotificationTestBeans {

    private NotificationTestBeans() {
    }

    public static void register(NotificationService notifications) {
        Mocks.register("sendNoticeDelegate", new SendNoticeDelegate(notifications));
        Mocks.register("notices", new Notices(notifications));
    }
}
