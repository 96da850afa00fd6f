package org.twinflow.portal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(HomeController.class)
class HomeControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldShowTheProgrammeItsThematicAreasAndWhereStaffWork() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(view().name(HomeController.VIEW_HOME))
                .andExpect(model().attributeExists("thematicAreas"))
                .andExpect(content().string(containsString("Sustainable Mobility")))
                .andExpect(content().string(containsString("Climate Change Adaptation and Disaster Risk Reduction")))
                .andExpect(content().string(containsString("Local Economic Development")))
                .andExpect(content().string(containsString("href=\"/camunda/app/tasklist/\"")))
                .andExpect(content().string(containsString("href=\"/camunda/app/cockpit/\"")));
    }
}
