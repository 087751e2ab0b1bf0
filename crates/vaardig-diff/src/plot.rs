//! An SVG histogram of rank changes (drawn with plotters): where each profile's old top-k
//! occupations ended up in the new version. One picture shows at a glance whether a release
//! reshuffles results or leaves them be; the table beside it in the report gives the numbers.

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

use crate::error::DiffError;
use crate::impact::{Impact, RankBin};

/// Width and height of the chart in pixels.
const SIZE: (u32, u32) = (880, 440);

/// The rank-change histogram of `impact` as an SVG document.
///
/// Bars: "out" (removed or below the ranking depth) in red, moves down in orange, "same" in grey,
/// moves up in green. The output is deterministic.
///
/// # Errors
/// When plotters fails to lay out the chart.
///
/// ```
/// use vaardig_diff::{Impact, ImpactOptions};
/// let empty = Impact {
///     options: ImpactOptions::default(), profiles: vec![], mean_overlap: 1.0,
///     mean_kendall_tau: None, mean_abs_gap_delta: 0.0, occupations: vec![],
/// };
/// let svg = vaardig_diff::plot::rank_change_histogram(&empty)?;
/// assert!(svg.starts_with("<svg"));
/// # Ok::<(), vaardig_diff::DiffError>(())
/// ```
pub fn rank_change_histogram(impact: &Impact) -> Result<String, DiffError> {
    let bins = impact.rank_change_bins();
    let title = format!(
        "Where each profile's old top {} went ({} profiles)",
        impact.options.k,
        impact.profiles.len()
    );
    draw(&bins, &title).map_err(|e| DiffError::Plot(e.to_string()))
}

fn colour(label: &str) -> RGBColor {
    if label == "out" {
        RGBColor(200, 60, 50)
    } else if label.starts_with("down") {
        RGBColor(230, 150, 50)
    } else if label == "same" {
        RGBColor(150, 150, 150)
    } else {
        RGBColor(70, 150, 90)
    }
}

fn draw(bins: &[RankBin], title: &str) -> Result<String, Box<dyn std::error::Error>> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE)?;
        let top = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
        let y_max = top + top / 10 + 1;
        let last = bins.len().saturating_sub(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(48)
            .y_label_area_size(56)
            .build_cartesian_2d((0..last).into_segmented(), 0..y_max)?;
        let label_of = |v: &SegmentValue<usize>| match v {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                bins.get(*i).map(|b| b.label.clone()).unwrap_or_default()
            }
            SegmentValue::Last => String::new(),
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(bins.len())
            .x_label_formatter(&label_of)
            .x_desc("rank change from the old to the new version")
            .y_desc("occupations (summed over profiles)")
            .axis_desc_style(("sans-serif", 14))
            .label_style(("sans-serif", 12))
            .draw()?;
        // Bars drawn one by one, in bin order (plotters' Histogram groups through a hash map,
        // which would make the SVG element order vary between runs).
        chart.draw_series(bins.iter().enumerate().map(|(i, b)| {
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(i), 0),
                    (SegmentValue::Exact(i + 1), b.count),
                ],
                colour(&b.label).filled(),
            );
            bar.set_margin(0, 0, 6, 6);
            bar
        }))?;
        // The count above each bar: one bar (usually "same") dwarfs the others.
        let count_style =
            TextStyle::from(("sans-serif", 12)).pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Bottom,
            ));
        chart.draw_series(bins.iter().enumerate().map(|(i, b)| {
            EmptyElement::at((SegmentValue::CenterOf(i), b.count))
                + Text::new(b.count.to_string(), (0, -3), count_style.clone())
        }))?;
        root.present()?;
    }
    Ok(svg)
}
