//! `vaardig config`: the scoring configuration as a TOML file, and reading one back
//! (`--config FILE` on every scoring command).

use crate::output::out;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::Args;
use vaardig_score::ScoringConfig;

use crate::context::Context;

/// Arguments of `vaardig config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the default configuration (every weight, with its value) as TOML.
    #[arg(long)]
    pub defaults: bool,
}

/// Runs `vaardig config`: the defaults, or the configuration `--config FILE` gives, as TOML.
pub fn run(ctx: &Context, args: ConfigArgs) -> anyhow::Result<ExitCode> {
    let config = if args.defaults {
        ScoringConfig::default()
    } else {
        ctx.scoring_config()?
    };
    out!("{}", to_toml(&config)?)?;
    Ok(ExitCode::SUCCESS)
}

/// The configuration as a commented TOML file.
pub fn to_toml(config: &ScoringConfig) -> anyhow::Result<String> {
    let body = toml::to_string(config).context("cannot write the configuration as TOML")?;
    Ok(format!(
        "# vaardig scoring configuration. Pass it with `--config FILE`; leave out what you keep at\n\
         # its default. Every weight is documented in vaardig_score::ScoringConfig.\n\n{body}"
    ))
}

/// Reads a TOML configuration: unknown keys and out-of-range weights are errors that name the
/// file, the line and the key.
pub fn load(path: &Path) -> anyhow::Result<ScoringConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the configuration {}", path.display()))?;
    parse(&text).with_context(|| format!("in the configuration {}", path.display()))
}

/// Parses a TOML configuration (see [`load`]).
pub fn parse(text: &str) -> anyhow::Result<ScoringConfig> {
    let config: ScoringConfig = match toml::from_str(text) {
        Ok(c) => c,
        Err(e) => {
            let line = e
                .span()
                .and_then(|s| text.get(..s.start))
                .map(|s| s.matches('\n').count() + 1);
            let message = e.message().trim().to_owned();
            match line {
                Some(l) => bail!("line {l}: {message}"),
                None => bail!("{message}"),
            }
        }
    };
    if let Err(e) = config.validate() {
        let line = text
            .lines()
            .position(|l| {
                let key = e.name.rsplit('.').next().unwrap_or(e.name);
                l.trim_start().starts_with(key)
            })
            .map(|i| i + 1);
        match line {
            Some(l) => bail!("line {l}: {e}"),
            None => bail!("{e}"),
        }
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip_through_toml() -> anyhow::Result<()> {
        let text = to_toml(&ScoringConfig::default())?;
        assert!(text.contains("[relatedness]"), "{text}");
        assert_eq!(parse(&text)?, ScoringConfig::default());
        Ok(())
    }

    #[test]
    fn unknown_keys_and_bad_values_name_their_line() -> anyhow::Result<()> {
        let e = parse("[transitions]\nreachability_weight = 0.3\nbogus = 1\n").expect_err("bad");
        let msg = format!("{e:#}");
        assert!(msg.contains("line 3") && msg.contains("bogus"), "{msg}");
        let e = parse("[relatedness]\n\nidf_power = 7\n").expect_err("range");
        let msg = format!("{e:#}");
        assert!(
            msg.contains("line 3") && msg.contains("relatedness.idf_power"),
            "{msg}"
        );
        let partial = parse("[relatedness.occupations]\nfamily = 0.1\n")?;
        assert_eq!(partial.relatedness.occupations.family, 0.1);
        assert_eq!(partial.relatedness.occupations.sibling, 0.35);
        Ok(())
    }
}
