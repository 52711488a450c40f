#!/bin/sh
# Rewrites the ONNX test fixtures (fl/src/test/resources/onnx/*.onnx) with the project's own script,
# org.fedwan.fl.model.onnx.OnnxFixtureWriter; OnnxModelTest checks the committed files equal its output.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl fl -am test-compile
mvn -B -q -pl fl exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.fedwan.fl.model.onnx.OnnxFixtureWriter \
    -Dexec.args="$PWD/fl/src/test/resources/onnx"
