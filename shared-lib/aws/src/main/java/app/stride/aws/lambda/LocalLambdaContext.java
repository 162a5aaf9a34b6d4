package app.stride.aws.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lambda {@link Context} for invoking a handler outside Lambda: the local platform and tests hand
 * it to {@code FunctionInvoker.handleRequest}. Function logs go to SLF4J.
 */
public final class LocalLambdaContext implements Context {
  private static final Logger log = LoggerFactory.getLogger(LocalLambdaContext.class);

  private final String functionName;
  private final String requestId;
  private final long deadlineMillis;

  /** A context for one invocation of {@code functionName} with {@code timeoutMillis} to run. */
  public LocalLambdaContext(String functionName, int timeoutMillis) {
    this.functionName = functionName;
    this.requestId = UUID.randomUUID().toString();
    this.deadlineMillis = System.currentTimeMillis() + timeoutMillis;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:local:000000000000:function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        log.info("{}: {}", functionName, message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
