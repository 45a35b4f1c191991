# Writes interval-cases.json: point forecasts and 95 % prediction intervals from R's forecast
# package for the methods SPM.FORECAST.INTERVAL offers with analytic intervals: ses, holt and
# hw (additive) with initial = "simple", whose intervals come from the additive ETS variance
# with sigma2 = mean of the squared one-step errors. R passes Holt's beta to that variance as
# it is, but the trend of these methods moves by alpha * beta times each one-step error, so the
# script sets beta to alpha * beta in the fitted model before forecast() computes the interval. It adds the automatic forecast as R
# computes its parts: the mean of thetaf() and of ets(damped = TRUE), and the union of their
# 95 % intervals. Run from this folder with the shared data folder as argument:
#   Rscript intervals.R <data-folder>
# The synthetic inputs are written out; AirPassengers is read by the tests from the data folder.
suppressMessages({
  library(forecast)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript intervals.R <data-folder>")
data_dir <- args[1]

versions <- list(
  r = paste(R.version$major, R.version$minor, sep = "."),
  forecast = as.character(packageVersion("forecast"))
)

interval_result <- function(method, fcast) {
  list(
    method = method,
    mean = as.numeric(fcast$mean),
    lower95 = as.numeric(fcast$lower[, 1]),
    upper95 = as.numeric(fcast$upper[, 1])
  )
}

# Forecasts a HoltWintersZZ fit with its beta converted to the state-space form alpha * beta.
with_state_space_beta <- function(model, h) {
  model$par["beta"] <- model$par["alpha"] * model$par["beta"]
  forecast(model, h = h, level = 95)
}

# Mean of thetaf() and of the ETS model with a damped trend, with the union of their intervals.
auto_result <- function(y, h) {
  theta <- thetaf(y, h = h, level = 95)
  ets_fit <- ets(y, damped = TRUE)
  damped <- forecast(ets_fit, h = h, level = 95)
  list(
    method = "auto",
    ets_model = paste0(ets_fit$components[1], ets_fit$components[2], "d", ets_fit$components[3]),
    mean = (as.numeric(theta$mean) + as.numeric(damped$mean)) / 2,
    lower95 = pmin(as.numeric(theta$lower[, 1]), as.numeric(damped$lower[, 1])),
    upper95 = pmax(as.numeric(theta$upper[, 1]), as.numeric(damped$upper[, 1]))
  )
}

# Runs the three methods on y (frequency m) for h periods.
interval_results <- function(y, m, h) {
  y <- ts(y, frequency = m)
  results <- list(
    interval_result("ses", ses(y, h = h, initial = "simple", level = 95)),
    interval_result("holt", with_state_space_beta(holt(y, h = h, initial = "simple")$model, h))
  )
  if (m > 1) {
    hw_model <- hw(y, h = h, seasonal = "additive", initial = "simple")$model
    results[[3]] <- interval_result("holtwinters", with_state_space_beta(hw_model, h))
  }
  results[[length(results) + 1]] <- auto_result(y, h)
  results
}

set.seed(7)
t <- 0:47
synthetic <- list(
  list(
    id = "trend-noise-n30",
    input = round(20 + 0.5 * (0:29) + rnorm(30), 2),
    season_length = 1,
    horizon = 8
  ),
  list(
    id = "seasonal-additive-n48",
    input = round(200 + 2 * t + 15 * sin(2 * pi * t / 12) + rnorm(48, sd = 2), 2),
    season_length = 12,
    horizon = 12
  )
)
synthetic <- lapply(synthetic, function(s) {
  c(s, list(results = interval_results(s$input, s$season_length, s$horizon)))
})

air <- read.csv(file.path(data_dir, "airpassengers.csv"))
air_passengers <- list(
  file = "airpassengers.csv",
  season_length = 12,
  horizon = 12,
  results = interval_results(air$passengers, 12, 12)
)

out <- list(versions = versions, synthetic = synthetic, air_passengers = air_passengers)
write_json(out, "interval-cases.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
