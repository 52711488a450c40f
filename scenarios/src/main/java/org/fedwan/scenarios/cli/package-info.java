/** The {@code fedwan} command line (picocli): {@code run}, {@code airtime}, {@code bench}. */
package org.fedwan.scenarios.cli;
