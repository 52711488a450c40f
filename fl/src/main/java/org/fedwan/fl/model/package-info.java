/**
 * Models: a {@link org.fedwan.fl.model.ModelDefinition} gives a model's parameter layout, its
 * seeded initial weights (pure Java, so they do not depend on ND4J's global random generator)
 * and its ND4J SameDiff graph; {@link org.fedwan.fl.model.ModelZoo} maps scenario names to them.
 */
package org.fedwan.fl.model;
