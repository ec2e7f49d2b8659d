package dev.sfnrun.server;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The real AWS SDK for Java v2, pointed at a local server with dummy credentials. */
final class SdkClients {
    private SdkClients() {
    }

    static SfnClient client(int port) {
        return client(port, Region.EU_WEST_1);
    }

    static SfnClient client(int port, Region region) {
        return SfnClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                // StartSyncExecution and TestState go to "sync-<host>" unless host prefixes are off
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
                        .retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)
                        .retryPolicy(software.amazon.awssdk.core.retry.RetryPolicy.none()))
                .build();
    }
}
