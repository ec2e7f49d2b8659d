package dev.sfnrun.testtasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** An unchanged AWS Java Lambda handler with POJO input and output. */
public final class GreetHandler implements RequestHandler<GreetHandler.Request, GreetHandler.Response> {
    public static final class Request {
        public String name;
        public int times = 1;
    }

    public static final class Response {
        public String greeting;
        public String function;
        public boolean hasRequestId;
    }

    @Override
    public Response handleRequest(Request request, Context context) {
        if (request.name == null) {
            throw new IllegalArgumentException("name is required");
        }
        context.getLogger().log("greeting " + request.name);
        Response response = new Response();
        response.greeting = ("Hello, " + request.name + "! ").repeat(request.times).trim();
        response.function = context.getFunctionName();
        response.hasRequestId = context.getAwsRequestId() != null;
        return response;
    }
}
