package dev.netc.runtime.io;

import dev.netc.runtime.io.Architecture.Layer;
import dev.netc.runtime.io.Architecture.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether weights saved for one architecture fit another: the same input size, the same layers (names, kinds,
 * wiring, sizes) and so the same tensors with the same shapes. What does not change the meaning of a parameter is not
 * compared: the network's class name, activations, dropout. Loading a file saved with {@code tanh} into a network
 * that now says {@code relu} therefore works; {@code netc inspect} shows what the file was trained with.
 */
final class ShapeSignature {

    private ShapeSignature() {}

    /** Every difference between the file's architecture and the network's, one phrase each; empty when they fit. */
    static List<String> differences(Architecture file, Architecture network) {
        List<String> found = new ArrayList<>();
        if (file.inputSize() != network.inputSize()) {
            found.add(String.format(
                    Locale.ROOT, "input: file %d features vs network %d", file.inputSize(), network.inputSize()));
        }
        Map<String, Layer> fileLayers = byName(file);
        Map<String, Layer> networkLayers = byName(network);
        if (!List.copyOf(fileLayers.keySet()).equals(List.copyOf(networkLayers.keySet()))) {
            found.add("layers: file " + fileLayers.keySet() + " vs network " + networkLayers.keySet());
        }
        for (Layer layer : network.layers()) {
            Layer saved = fileLayers.get(layer.name());
            if (saved != null
                    && (!saved.kind().equals(layer.kind()) || !saved.inputs().equals(layer.inputs()))) {
                found.add(String.format(
                        Locale.ROOT,
                        "layer '%s': file %s reading %s vs network %s reading %s",
                        layer.name(),
                        saved.kind(),
                        saved.inputs(),
                        layer.kind(),
                        layer.inputs()));
            }
        }
        compareTensors(file, network, found);
        return found;
    }

    private static void compareTensors(Architecture file, Architecture network, List<String> found) {
        Map<String, Tensor> fileTensors = new LinkedHashMap<>();
        file.tensors().forEach(tensor -> fileTensors.put(tensor.name(), tensor));
        for (Tensor tensor : network.tensors()) {
            Tensor saved = fileTensors.remove(tensor.name());
            if (saved == null) {
                found.add("tensor '" + tensor.name() + "': network " + tensor.shapeText() + ", not in the file");
            } else if (!saved.shape().equals(tensor.shape())) {
                found.add("tensor '" + tensor.name() + "': file " + saved.shapeText() + " vs network "
                        + tensor.shapeText());
            }
        }
        for (Tensor extra : fileTensors.values()) {
            found.add("tensor '" + extra.name() + "': file " + extra.shapeText() + ", not in the network");
        }
    }

    private static Map<String, Layer> byName(Architecture architecture) {
        Map<String, Layer> layers = new LinkedHashMap<>();
        architecture.layers().forEach(layer -> layers.put(layer.name(), layer));
        return layers;
    }
}
