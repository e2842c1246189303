package dev.banyan.http.problem;

import java.util.Map;

import dev.banyan.http.request.InvalidInputException;
import dev.banyan.http.request.JsonRequest;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The contract's problem answers, against a controller in a mock servlet environment (no server). */
class ProblemAdviceTests {

    static class Locked extends RuntimeException {
        Locked() {
            super("Order 1 is DELIVERED; it can no longer be cancelled");
        }
    }

    record Dish(String name, Long price) {}

    @RestController
    static class Orders {

        @PostMapping(path = "/orders", consumes = "application/json", produces = "application/json")
        Dish place(@RequestBody JsonNode json) {
            return JsonRequest.read(json, body -> new Dish(body.requiredText("name"), body.requiredLong("price", 0)));
        }

        @GetMapping(path = "/orders/{id}", produces = "application/json")
        Map<String, Object> order(@PathVariable int id) {
            throw new Locked();
        }

        @GetMapping(path = "/boom", produces = "application/json")
        Map<String, Object> boom() {
            throw new IllegalStateException("bug");
        }
    }

    @RestControllerAdvice
    static class Advice extends ProblemAdvice {
        @ExceptionHandler(Locked.class)
        ResponseEntity<Object> locked(Locked e, WebRequest request) {
            return illegalState(e, e.getMessage(), "DELIVERED", request);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Orders())
            .setControllerAdvice(new Advice())
            .build();

    @Test
    void methodNotAllowedNamesTheAllowedMethodsInTheAllowHeader() throws Exception {
        mvc.perform(put("/orders").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://banyan.dev/problems/method-not-allowed"))
                .andExpect(jsonPath("$.detail").value("Method PUT is not supported on /orders; supported: POST"))
                .andExpect(jsonPath("$.instance").value("/orders"));
    }

    @Test
    void invalidInputListsEveryFieldAtFault() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"price\":1.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://banyan.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.detail").value("name must not be blank; price must be an integer"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[1].field").value("price"))
                .andExpect(jsonPath("$.errors[1].message").value("must be an integer"));
    }

    @Test
    void malformedJsonIsInvalidInputOnTheBodyWithItsPosition() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("(line 1, column")));
    }

    @Test
    void wrongContentTypeIs415WithTheAcceptedTypes() throws Exception {
        mvc.perform(post("/orders").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Accept", "application/json"))
                .andExpect(jsonPath("$.type").value("https://banyan.dev/problems/unsupported-media-type"))
                .andExpect(
                        jsonPath("$.detail").value("Content-Type text/plain is not supported; send application/json"));
    }

    @Test
    void badPathVariableNamesTheParameter() throws Exception {
        mvc.perform(get("/orders/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.detail").value("id has an invalid value"));
    }

    @Test
    void illegalTransitionIs409NamingTheCurrentState() throws Exception {
        mvc.perform(get("/orders/1"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://banyan.dev/problems/illegal-state"))
                .andExpect(jsonPath("$.state").value("DELIVERED"));
    }

    @Test
    void membersAreWrittenInTheOrderOfRfc9457ThenTheExtensions() throws Exception {
        mvc.perform(get("/orders/1"))
                .andExpect(content()
                        .string("{\"type\":\"https://banyan.dev/problems/illegal-state\","
                                + "\"title\":\"Illegal state\",\"status\":409,"
                                + "\"detail\":\"Order 1 is DELIVERED; it can no longer be cancelled\","
                                + "\"instance\":\"/orders/1\",\"state\":\"DELIVERED\"}"));
        mvc.perform(put("/orders").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.startsWith(
                                "{\"type\":\"https://banyan.dev/problems/method-not-allowed\",\"title\":")));
    }

    @Test
    void unexpectedFailureIs500WithoutItsMessage() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://banyan.dev/problems/internal-error"))
                .andExpect(jsonPath("$.detail").value("The server failed to handle the request; see the server log"));
    }

    @Test
    void invalidInputNeedsAField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InvalidInputException(java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
