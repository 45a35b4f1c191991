# Writes theta-cases.json: forecasts, 80 % and 95 % prediction intervals and model values of
# thetaf() from R's forecast package, for the tests of fitTheta. Run from this folder with the
# shared data folder as argument:
#   Rscript theta.R <data-folder>
# The synthetic inputs are written out. AirPassengers and the M3 series are not: the file keeps
# only their ids and R's results, and the tests read the values from the data folder.
suppressMessages({
  library(forecast)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript theta.R <data-folder>")
data_dir <- args[1]

versions <- list(
  r = paste(R.version$major, R.version$minor, sep = "."),
  forecast = as.character(packageVersion("forecast"))
)

# Runs thetaf on y with frequency m and keeps what the tests compare.
theta_result <- function(y, m, h) {
  fit <- thetaf(ts(y, frequency = m), h = h, level = c(80, 95))
  list(
    season_length = m,
    horizon = h,
    mean = as.numeric(fit$mean),
    lower80 = as.numeric(fit$lower[, 1]),
    upper80 = as.numeric(fit$upper[, 1]),
    lower95 = as.numeric(fit$lower[, 2]),
    upper95 = as.numeric(fit$upper[, 2]),
    alpha = as.numeric(fit$model$alpha),
    drift = as.numeric(fit$model$drift),
    sigma2 = as.numeric(fit$model$sigma),
    fitted = as.numeric(fit$fitted)
  )
}

synthetic <- function(id, y, m, h) {
  c(list(id = id, input = y), theta_result(y, m, h))
}

set.seed(42)
t <- 0:59
cases <- list(
  # A rising line with noise, non-seasonal.
  synthetic("trend-noise-n40", round(50 + 2 * (0:39) + rnorm(40, sd = 5), 2), 1, 10),
  # Monthly pattern on a trend, seasonal with positive values.
  synthetic(
    "seasonal-monthly-n60",
    round((100 + t) * (1 + 0.2 * sin(2 * pi * t / 12)) + rnorm(60, sd = 3), 2), 12, 18
  ),
  # Quarterly pattern, four years.
  synthetic("seasonal-quarterly-n16", c(12, 18, 25, 14, 13, 20, 27, 15, 15, 22, 29, 17, 16, 23, 31, 18), 4, 8),
  # Six values: R's ets fits them with HoltWintersZZ (initial level y1).
  synthetic("short-n6", c(10, 12, 11, 14, 13, 15), 1, 4),
  # Two values, the shortest history thetaf accepts.
  synthetic("shortest-n2", c(5, 8), 1, 3),
  # Random walk, non-seasonal.
  synthetic("random-walk-n80", round(100 + cumsum(rnorm(80)), 3), 1, 12),
  # Monthly data too short for the seasonality test (not more than 2m values).
  synthetic("monthly-n24", round(100 + 10 * sin(2 * pi * (0:23) / 12) + rnorm(24), 2), 12, 6)
)

air <- read.csv(file.path(data_dir, "airpassengers.csv"))
air_passengers <- c(list(file = "airpassengers.csv"), theta_result(air$passengers, 12, 24))

# 20 of the M3 monthly series, every 35th row of the file from the first, h = 18.
m3 <- read.csv(file.path(data_dir, "m3-monthly-odd", "train.csv"), stringsAsFactors = FALSE)
rows <- seq(1, by = 35, length.out = 20)
m3_monthly <- lapply(rows, function(i) {
  y <- as.numeric(m3[i, sprintf("v%d", seq_len(m3$n[i]))])
  c(list(series = m3$series[i], n = m3$n[i]), theta_result(y, 12, 18))
})

out <- list(
  versions = versions,
  synthetic = cases,
  air_passengers = air_passengers,
  m3_file = "m3-monthly-odd/train.csv",
  m3_monthly = m3_monthly
)
write_json(out, "theta-cases.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
