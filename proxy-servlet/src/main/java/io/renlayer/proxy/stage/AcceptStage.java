package io.renlayer.proxy.stage;

import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.pipeline.Exchange;
import io.renlayer.proxy.pipeline.Inbound;
import io.renlayer.proxy.pipeline.Stage;
import io.renlayer.proxy.pipeline.StageResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The front door, first stage of every route: what can be refused before anyone is known. In
 * order: a header smuggling a line break, an address that guessed too many keys, a path that
 * addresses nothing, a route an operator switched off (before any other check, as operators
 * expect), a method the route does not take, then the body: read whole within the bound, and for
 * JSON routes a JSON media type and valid UTF-8.
 */
public final class AcceptStage implements Stage {

    private final List<String> methods;
    private final BodyRule bodyRule;
    private final int bodyLimit;
    private final Predicate<String> routeDisabled;
    private final KeyGuesses keyGuesses;

    /** @param methods the methods the route takes; empty when its resolver decides (a service's own) */
    public AcceptStage(
            List<String> methods,
            BodyRule bodyRule,
            int bodyLimit,
            Predicate<String> routeDisabled,
            KeyGuesses keyGuesses) {
        this.methods = List.copyOf(methods);
        this.bodyRule = bodyRule;
        this.bodyLimit = bodyLimit;
        this.routeDisabled = routeDisabled;
        this.keyGuesses = keyGuesses;
    }

    @Override
    public StageResult apply(Exchange exchange) {
        Inbound inbound = exchange.inbound();
        Optional<String> badHeader = inbound.headerWithControlCharacters();
        if (badHeader.isPresent()) {
            return StageResult.reject(ProxyError.invalidHeader(badHeader.get()));
        }
        long wait = keyGuesses.retryAfterSeconds(inbound.clientAddress());
        if (wait > 0) {
            return StageResult.reject(ProxyError.tooManyInvalidKeys(wait));
        }
        if (exchange.address().refusal() != null) {
            return StageResult.reject(exchange.address().refusal());
        }
        if (routeDisabled.test(exchange.route())) {
            return StageResult.reject(ProxyError.routeDisabled(exchange.route()));
        }
        if (!methods.isEmpty() && !methods.contains(exchange.method())) {
            return StageResult.reject(ProxyError.methodNotAllowed(exchange.method(), exchange.route(), methods));
        }
        return readBody(exchange, inbound);
    }

    private StageResult readBody(Exchange exchange, Inbound inbound) {
        if (bodyRule == BodyRule.NONE) {
            exchange.received(new byte[0]);
            return StageResult.proceed();
        }
        byte[] body;
        try {
            body = inbound.body(bodyLimit);
        } catch (IOException unreadable) {
            return StageResult.reject(ProxyError.refusedByServer(400));
        }
        if (body == null) {
            return StageResult.reject(ProxyError.bodyTooLarge(bodyLimit));
        }
        exchange.received(body);
        boolean json =
                bodyRule == BodyRule.JSON || bodyRule == BodyRule.JSON_WHEN_POST && "POST".equals(exchange.method());
        // Not decoded here: the parser reads the bytes in place, and the trace writer stores them so.
        Optional<ProxyError> unreadable =
                json ? JsonBodyCheck.problem(exchange.header("content-type"), body) : Optional.empty();
        return unreadable.map(StageResult::reject).orElse(StageResult.proceed());
    }
}
