package io.newspulse.cli;

import picocli.CommandLine;

/** Version from the jar manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"newspulse " + (v == null ? "development build" : v)};
    }
}
