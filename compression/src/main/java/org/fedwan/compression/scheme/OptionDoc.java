package org.fedwan.compression.scheme;

/**
 * Documentation of one scheme option, as {@link SchemeDoc#options} lists it.
 *
 * @param key          option name in the scenario file
 * @param defaultValue value when the option is absent
 * @param allowed      what values are accepted
 * @param description  what it does, with the seed it comes from
 */
public record OptionDoc(String key, String defaultValue, String allowed, String description) {
}
