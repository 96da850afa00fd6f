package org.twinflow.call;

import java.util.List;
import java.util.stream.Collectors;

/** A call that cannot be stored as written; nothing was stored. */
public class CallInvalidException extends RuntimeException {

    private final transient List<CallProblem> problems;

    public CallInvalidException(List<CallProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<CallProblem> problems() {
        return problems;
    }
}
