# Forecasts the M3 series the benchmark writes with R's forecast package, so bench/m3.js can
# score R's ets(), thetaf() and their mean with the same code as ours and compare times.
# Usage: Rscript m3-forecast.R SERIES.csv HORIZON SEASON_LENGTH OUT_DIR
# SERIES.csv has a header row, then one series per row: the id, then the values (trailing cells
# of shorter series are blank). Writes OUT_DIR/ets.csv, theta.csv and mean.csv with the columns
# id, part (mean, lower80, upper80, lower95, upper95), h1 ... hH, and OUT_DIR/timing.json with
# the seconds of each method's loop and the process's peak resident set size in MB.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
horizon <- as.integer(args[2])
season_length <- as.integer(args[3])
out_dir <- args[4]

lines <- readLines(args[1])[-1]
fields <- strsplit(lines, ",", fixed = TRUE)
ids <- vapply(fields, function(f) f[1], "")
series <- lapply(fields, function(f) {
  values <- suppressWarnings(as.numeric(f[-1]))
  ts(values[!is.na(values)], frequency = season_length)
})

# Rows of one series: the mean and the 80 % and 95 % bounds of a forecast object. The bound
# columns are taken by position, in the order of `levels`, because thetaf() names them
# "Series 1" and "Series 2" where ets() names them "80%" and "95%" (forecast 8.20).
parts_of <- function(fc) {
  list(
    mean = as.numeric(fc$mean),
    lower80 = as.numeric(fc$lower[, 1]), upper80 = as.numeric(fc$upper[, 1]),
    lower95 = as.numeric(fc$lower[, 2]), upper95 = as.numeric(fc$upper[, 2])
  )
}

# Runs a method on every series and returns the parts by series and the loop's elapsed seconds.
run_all <- function(forecast_one) {
  started <- proc.time()[["elapsed"]]
  results <- lapply(series, function(y) parts_of(forecast_one(y)))
  list(results = results, seconds = proc.time()[["elapsed"]] - started)
}

write_parts <- function(results, file) {
  rows <- unlist(lapply(seq_along(results), function(i) {
    vapply(names(results[[i]]), function(part) {
      paste(c(ids[i], part, sprintf("%.15g", results[[i]][[part]])), collapse = ",")
    }, "")
  }))
  header <- paste(c("id", "part", paste0("h", seq_len(horizon))), collapse = ",")
  writeLines(c(header, rows), file)
}

levels <- c(80, 95)
ets_run <- run_all(function(y) forecast(ets(y), h = horizon, level = levels))
theta_run <- run_all(function(y) thetaf(y, h = horizon, level = levels))

# The mean of the two point forecasts has no interval of its own.
mean_results <- lapply(seq_along(series), function(i) {
  list(mean = (ets_run$results[[i]]$mean + theta_run$results[[i]]$mean) / 2)
})

write_parts(ets_run$results, file.path(out_dir, "ets.csv"))
write_parts(theta_run$results, file.path(out_dir, "theta.csv"))
write_parts(mean_results, file.path(out_dir, "mean.csv"))

# VmHWM in /proc/self/status is the peak resident set size in kB (Linux only, NA elsewhere).
peak_rss_mb <- NA
status_file <- "/proc/self/status"
if (file.exists(status_file)) {
  hwm <- grep("^VmHWM:", readLines(status_file), value = TRUE)
  peak_rss_mb <- as.numeric(gsub("[^0-9]", "", hwm)) / 1024
}
writeLines(
  sprintf('{"ets": %.3f, "theta": %.3f, "peakRssMb": %s}', ets_run$seconds, theta_run$seconds,
          ifelse(is.na(peak_rss_mb), "null", sprintf("%.1f", peak_rss_mb))),
  file.path(out_dir, "timing.json")
)
