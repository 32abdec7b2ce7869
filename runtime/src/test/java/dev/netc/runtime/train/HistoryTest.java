package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history is plain lists per figure, an epoch's row, and CSV for plotting. */
class HistoryTest {

    private static History twoEpochs() {
        History history = new History(List.of("loss", "accuracy"));
        history.add(row(0.5, 0.75));
        history.add(row(0.25, Double.NaN));
        return history;
    }

    private static Map<String, Double> row(double loss, double accuracy) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("loss", loss);
        figures.put("accuracy", accuracy);
        return figures;
    }

    @Test
    void figuresArePlainListsByName() {
        History history = twoEpochs();

        assertEquals(2, history.epochs());
        assertEquals(List.of("loss", "accuracy"), history.names());
        assertEquals(List.of(0.5, 0.25), history.get("loss"));
        assertEquals(0.25, history.last("loss"));
        assertEquals(row(0.5, 0.75), history.epoch(0));
    }

    @Test
    void csvHasAHeaderAndOneLinePerEpochFromOne() {
        assertEquals(
                "epoch,loss,accuracy\n1,0.5,0.75\n2,0.25,NaN\n", twoEpochs().toCsv());
    }

    @Test
    void anUnknownFigureSuggestsTheClosest() {
        IllegalArgumentException thrown =
                assertThrows(IllegalArgumentException.class, () -> twoEpochs().get("acuracy"));

        assertEquals("the history has no figure 'acuracy'; did you mean 'accuracy'?", thrown.getMessage());
    }

    @Test
    void figuresAreWrittenWithFourDecimalsOrInScientificNotation() {
        assertEquals("0.0712", Figures.format(0.07123));
        assertEquals("1.000e-05", Figures.format(1e-5));
        assertEquals("0.0000", Figures.format(0));
        assertEquals("nan", Figures.format(Double.NaN));
        assertEquals("-inf", Figures.format(Double.NEGATIVE_INFINITY));
    }
}
