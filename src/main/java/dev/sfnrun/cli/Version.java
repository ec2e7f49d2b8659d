package dev.sfnrun.cli;

import picocli.CommandLine.IVersionProvider;

/** The version shown by --version, from the jar's manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"sfn-run " + (version == null ? "development build" : version)};
    }
}
