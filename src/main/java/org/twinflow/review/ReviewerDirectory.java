package org.twinflow.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The members of the {@code reviewers} group in Camunda's identity service. */
@Component
class ReviewerDirectory {

    static final String REVIEWERS_GROUP = "reviewers";

    private final IdentityService identityService;

    ReviewerDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    List<User> reviewers() {
        return identityService.createUserQuery().memberOfGroup(REVIEWERS_GROUP).orderByUserId().asc().list();
    }

    boolean isReviewer(String userId) {
        return identityService.createUserQuery().userId(userId).memberOfGroup(REVIEWERS_GROUP).count() == 1;
    }

    /** {label, value} options for a form select or checklist. */
    static Map<String, Object> option(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return Map.of("label", name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")", "value", user.getId());
    }
}
