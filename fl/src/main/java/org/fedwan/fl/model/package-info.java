/**
 * Models: a {@link org.fedwan.fl.model.ModelDefinition} gives a model's parameter layout, its
 * seeded initial weights (pure Java, so they do not depend on ND4J's global random generator),
 * its buffers (batch-norm running statistics, outside the layout) and its ND4J SameDiff graph.
 * {@link org.fedwan.fl.model.SequentialModel} derives all of them from a list of
 * {@link org.fedwan.fl.model.Block}s; {@link org.fedwan.fl.model.SeedModels} holds the seed papers'
 * architectures and LeNet-5, whose layouts equal {@link org.fedwan.fl.model.SeedArchitectures}'s;
 * {@link org.fedwan.fl.model.ModelZoo} maps scenario names to them;
 * {@link org.fedwan.fl.model.InputAdaptation} fits any data set's images to a model's input.
 */
package org.fedwan.fl.model;
