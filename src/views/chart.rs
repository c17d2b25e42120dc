//! Where the shapes of the reports' inline SVG charts go: the templates draw them, with CSS
//! classes for colour (`static/css/site.css`, light and dark). Coordinates are whole units of
//! a `viewBox` the chart scales from, so a chart fills any width from a phone's up; narrow
//! boxes keep the text readable at 360 px.

/// The width of every chart's `viewBox`.
pub const WIDTH: i32 = 360;
/// Longest label drawn beside a bar; the table beside the chart has the whole text.
const LABEL_CHARS: usize = 34;

/// One column of a column chart, with its axis label (empty where labels are thinned out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    /// The middle of the column, for its labels.
    pub middle: i32,
    pub value: i64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gridline {
    pub y: i32,
    pub value: i64,
}

/// A column chart: columns standing on `base`, gridlines with their values at the left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub width: i32,
    pub height: i32,
    pub left: i32,
    pub base: i32,
    /// Where the axis labels' baseline is.
    pub label_y: i32,
    pub columns: Vec<Column>,
    pub grid: Vec<Gridline>,
}

/// A round top for an axis: 1, 2 or 5 times a power of ten per step, at most 4 steps.
fn axis(max: i64) -> (i64, i64) {
    let max = max.max(1);
    let mut power = 1i64;
    loop {
        for step in [power, power * 2, power * 5] {
            let steps = (max + step - 1) / step;
            if steps <= 4 {
                return (step * steps, step);
            }
        }
        power = power.saturating_mul(10);
    }
}

/// Columns for `(axis label, value)` pairs, labelling every `label_every`-th from the last.
pub fn columns(values: &[(String, i64)], label_every: usize) -> Columns {
    let (height, left, top, base) = (200, 34, 14, 172);
    let plot = WIDTH - left - 4;
    let slot = plot / i32::try_from(values.len().max(1)).unwrap_or(1);
    let column_width = (slot * 2 / 3).max(1);
    let (top_value, step) = axis(values.iter().map(|(_, v)| *v).max().unwrap_or(0));
    let scale = |v: i64| -> i32 {
        let h = i64::from(base - top) * v.max(0) / top_value;
        i32::try_from(h).unwrap_or(base - top)
    };
    let last = values.len().saturating_sub(1);
    let columns = values
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let i32_index = i32::try_from(i).unwrap_or(0);
            let x = left + i32_index * slot + (slot - column_width) / 2;
            let h = scale(*value);
            let shown = label_every > 0 && (last - i) % label_every == 0;
            Column {
                x,
                y: base - h,
                width: column_width,
                height: h,
                middle: x + column_width / 2,
                value: *value,
                label: if shown { label.clone() } else { String::new() },
            }
        })
        .collect();
    let grid = (0..=top_value / step)
        .map(|k| Gridline {
            y: base - scale(k * step),
            value: k * step,
        })
        .collect();
    Columns {
        width: WIDTH,
        height,
        left,
        base,
        label_y: base + 18,
        columns,
        grid,
    }
}

/// What one horizontal bar shows: a label, its value, the text beside the label (the value as
/// people read it), and whether it is drawn muted (an exit from the pipeline, "other").
pub struct BarInput {
    pub label: String,
    pub value: i64,
    pub text: String,
    pub muted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub text: String,
    /// Baseline of the label and value line.
    pub text_y: i32,
    pub bar_y: i32,
    pub length: i32,
    pub height: i32,
    /// The full length (the track, and where the value text ends).
    pub width: i32,
    pub muted: bool,
}

/// Horizontal bars, each under its label line, on a full-width track.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bars {
    pub width: i32,
    pub height: i32,
    pub bars: Vec<Bar>,
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= LABEL_CHARS {
        text.to_string()
    } else {
        let cut: String = text.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

pub fn bars(rows: Vec<BarInput>) -> Bars {
    let (row_height, bar_height) = (38, 12);
    let max = rows.iter().map(|r| r.value).max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let top = i32::try_from(i).unwrap_or(0) * row_height;
            let length = i64::from(WIDTH) * row.value.max(0) / max;
            // A bar for any non-zero value, however small next to the biggest.
            let length = i32::try_from(length).unwrap_or(WIDTH);
            let length = if row.value > 0 { length.max(2) } else { 0 };
            Bar {
                label: shorten(&row.label),
                text: row.text,
                text_y: top + 15,
                bar_y: top + 21,
                length,
                height: bar_height,
                width: WIDTH,
                muted: row.muted,
            }
        })
        .collect();
    let height = (i32::try_from(bars.len()).unwrap_or(0) * row_height).max(row_height);
    Bars {
        width: WIDTH,
        height,
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(axis(0), (1, 1));
        assert_eq!(axis(3), (3, 1));
        assert_eq!(axis(4), (4, 1));
        assert_eq!(axis(5), (6, 2));
        assert_eq!(axis(9), (10, 5));
        assert_eq!(axis(17), (20, 5));
        assert_eq!(axis(41), (60, 20));
        assert_eq!(axis(1234), (1500, 500));
    }

    #[test]
    fn columns_stand_on_the_base_in_proportion() {
        let values: Vec<(String, i64)> = (0..12).map(|i| (format!("w{i}"), i)).collect();
        let chart = columns(&values, 2);
        assert_eq!(chart.columns.len(), 12);
        let tallest = &chart.columns[11];
        assert_eq!(tallest.y + tallest.height, chart.base);
        // 11 on an axis to 12 (steps of 5 would need 3; of 2, 6; so 5s: 15): proportional.
        let (top, _) = axis(11);
        assert_eq!(top, 15);
        assert_eq!(
            tallest.height,
            (chart.base - 14) * 11 / 15,
            "scaled to the axis"
        );
        assert_eq!(chart.columns[0].height, 0);
        // Labels on the last column and every second one back.
        assert_eq!(chart.columns[11].label, "w11");
        assert_eq!(chart.columns[10].label, "");
        assert_eq!(chart.columns[9].label, "w9");
        assert!(chart.columns.iter().all(|c| c.x + c.width <= WIDTH));
        assert_eq!(chart.grid.first().map(|g| g.value), Some(0));
        assert_eq!(chart.grid.last().map(|g| (g.value, g.y)), Some((15, 14)));
    }

    #[test]
    fn bars_are_proportional_and_labels_short() {
        let input = |label: &str, value| BarInput {
            label: label.into(),
            value,
            text: value.to_string(),
            muted: false,
        };
        let chart = bars(vec![
            input("New", 10),
            input("Reviewing", 5),
            input("A very long vacancy title that goes on and on", 0),
            input("One", 1),
        ]);
        let lengths: Vec<i32> = chart.bars.iter().map(|b| b.length).collect();
        assert_eq!(lengths, [WIDTH, WIDTH / 2, 0, WIDTH / 10]);
        assert!(chart.bars[2].label.ends_with('…'));
        assert!(chart.bars[2].label.chars().count() <= LABEL_CHARS);
        assert_eq!(chart.height, 4 * 38);
        assert_eq!(bars(Vec::new()).height, 38);
    }
}
