# Times R's forecast package on the series the benchmark writes, so the benchmark can report
# our speed as a ratio against R measured on the same machine in the same run.
# Usage: Rscript forecast-timing.R SERIES.csv HORIZON SEASON_LENGTH OUT.json [CASES]
# SERIES.csv has one column "value"; CASES is a comma-separated subset of the case names
# below (all when omitted). Prints nothing; writes milliseconds per call as JSON.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
values <- read.csv(args[1])$value
horizon <- as.integer(args[2])
season_length <- as.integer(args[3])
series <- ts(values, frequency = season_length)

# Repeats a call until at least min_seconds have passed and returns milliseconds per call,
# or NA when R fails on this series (its optimiser can stop on non-finite values).
time_per_call <- function(call, min_seconds = 0.5) {
  failed <- tryCatch({ call(); FALSE }, error = function(e) TRUE)
  if (failed) return(NA)
  runs <- 0
  started <- proc.time()[["elapsed"]]
  repeat {
    call()
    runs <- runs + 1
    elapsed <- proc.time()[["elapsed"]] - started
    if (elapsed >= min_seconds) break
  }
  1000 * elapsed / runs
}

cases <- list(
  ses_fixed = function() ses(series, h = horizon, alpha = 0.3, initial = "simple"),
  ses_optimized = function() ses(series, h = horizon, initial = "simple"),
  holt_fixed = function()
    holt(series, h = horizon, alpha = 0.3, beta = 0.1, initial = "simple"),
  holt_optimized = function() holt(series, h = horizon, initial = "simple"),
  hw_additive_fixed = function()
    hw(series, h = horizon, seasonal = "additive", alpha = 0.3, beta = 0.1, gamma = 0.1,
       initial = "simple"),
  hw_additive_optimized = function()
    hw(series, h = horizon, seasonal = "additive", initial = "simple"),
  hw_multiplicative_optimized = function()
    hw(series, h = horizon, seasonal = "multiplicative", initial = "simple"),
  croston = function() croston(series, h = horizon, alpha = 0.1),
  snaive = function() snaive(series, h = horizon)
)
if (length(args) >= 5) cases <- cases[strsplit(args[5], ",")[[1]]]
timings <- lapply(cases, time_per_call)

values_json <- ifelse(is.na(unlist(timings)), "null", sprintf("%.6f", unlist(timings)))
json <- paste0("{", paste(sprintf('"%s": %s', names(timings), values_json), collapse = ", "), "}")
writeLines(json, args[4])
