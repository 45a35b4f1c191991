# Writes r-cases.json: reference results computed with R's forecast package for the tests of
# src/core/forecast. Run from this folder with the shared data folder as argument:
#   Rscript make-cases.R <data-folder>
# Superstore inputs are not written out; the tests read them from the data folder by name.
suppressMessages({
  library(forecast)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript make-cases.R <data-folder>")
data_dir <- args[1]

versions <- list(
  r = paste(R.version$major, R.version$minor, sep = "."),
  forecast = as.character(packageVersion("forecast"))
)

# Croston's method on small intermittent series of our own.
intermittent <- list(
  sparse = c(0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 0, 0, 4, 0, 0, 1, 0, 0, 6),
  lumpy = c(12, 0, 0, 0, 40, 0, 3, 0, 0, 0, 0, 25, 0, 0, 7, 0, 0, 0, 0, 0, 18, 0, 9, 0),
  first_is_demand = c(4, 0, 1, 0, 0, 2, 0, 0, 0, 3),
  single_demand = c(0, 0, 0, 7, 0, 0),
  example = c(0, 2, 0, 0, 4)
)
croston_cases <- list()
for (name in names(intermittent)) {
  for (alpha in c(0.1, 0.3)) {
    y <- intermittent[[name]]
    f <- croston(y, h = 5, alpha = alpha)
    croston_cases[[length(croston_cases) + 1]] <- list(
      id = sprintf("croston-%s-alpha%.1f", name, alpha),
      input = y, alpha = alpha, horizon = 5, expected_forecast = as.numeric(f$mean)
    )
  }
}

# SES, Holt and Holt-Winters with optimised parameters and simple initial states on the
# Superstore monthly sales. Only the file, column filter and expected results are stored.
optimised_cases <- list()
add_optimised <- function(file, key_column, key, y) {
  yts <- ts(y, frequency = 12)
  fits <- suppressWarnings(list(
    ses = ses(yts, h = 12, initial = "simple"),
    holt = holt(yts, h = 12, initial = "simple"),
    `hw-add` = hw(yts, h = 12, seasonal = "additive", initial = "simple")
  ))
  # Multiplicative seasonality needs positive values, which some channels lack.
  if (all(y > 0)) {
    fits[["hw-mult"]] <- suppressWarnings(
      hw(yts, h = 12, seasonal = "multiplicative", initial = "simple")
    )
  }
  for (method in names(fits)) {
    model <- fits[[method]]$model
    optimised_cases[[length(optimised_cases) + 1]] <<- list(
      id = sprintf("superstore-%s-%s", gsub(" ", "-", tolower(key)), method),
      method = method, file = file, key_column = key_column, key = key,
      value_column = "sales", season_length = 12, horizon = 12,
      expected_sse = model$SSE, expected_parameters = as.list(model$par[c("alpha", "beta", "gamma")[
        c("alpha", "beta", "gamma") %in% names(model$par)]]),
      expected_forecast = as.numeric(fits[[method]]$mean)
    )
  }
}
segment <- read.csv(file.path(data_dir, "superstore_monthly_by_segment.csv"))
for (key in unique(segment$segment)) {
  add_optimised("superstore_monthly_by_segment.csv", "segment", key,
                segment$sales[segment$segment == key])
}
shipmode <- read.csv(file.path(data_dir, "superstore_monthly_by_shipmode.csv"))
for (key in unique(shipmode$ship_mode)) {
  add_optimised("superstore_monthly_by_shipmode.csv", "ship_mode", key,
                shipmode$sales[shipmode$ship_mode == key])
}

# Seasonal models without trend, which ses/holt/hw do not offer: forecast:::HoltWintersZZ with
# beta = FALSE on AirPassengers (read from the data folder), forecast over 30 months so the
# multiplicative forecast means pass more than two seasons.
air <- ts(read.csv(file.path(data_dir, "airpassengers.csv"))$passengers, frequency = 12)
no_trend_cases <- list()
for (seasonal in c("additive", "multiplicative")) {
  model <- forecast:::HoltWintersZZ(air, alpha = 0.3, beta = FALSE, gamma = 0.2,
                                    seasonal = seasonal)
  no_trend_cases[[length(no_trend_cases) + 1]] <- list(
    id = sprintf("airpassengers-no-trend-%s", seasonal), file = "airpassengers.csv",
    value_column = "passengers", season = seasonal, season_length = 12, alpha = 0.3,
    gamma = 0.2, horizon = 30, expected_sse = model$SSE,
    expected_forecast = as.numeric(forecast(model, h = 30)$mean)
  )
}

# Accuracy measures with forecast::accuracy on a small example of our own: the test-set row of
# accuracy() for a naive (m = 1) and a seasonal naive (m = 4) forecast, whose MASE is scaled
# by the in-sample (seasonal) naive errors. sMAPE and WAPE are computed from their definitions,
# and BIAS = -ME because R's ME is mean(actual - forecast).
history <- c(120, 132, 101, 134, 90, 230, 210, 128, 145, 160, 99, 170, 190, 175)
actual <- c(180, 165, 140, 210, 95, 120)
accuracy_cases <- list()
for (m in c(1, 4)) {
  train <- ts(history, frequency = m)
  fc <- if (m == 1) naive(train, h = length(actual)) else snaive(train, h = length(actual))
  predicted <- as.numeric(fc$mean)
  # The actuals must be a series of the same frequency: accuracy() picks the seasonal MASE
  # scale (lag m) from the frequency of its second argument.
  a <- accuracy(fc, ts(actual, start = tsp(fc$mean)[1], frequency = m))
  accuracy_cases[[length(accuracy_cases) + 1]] <- list(
    id = sprintf("accuracy-%s", if (m == 1) "naive" else "snaive-m4"), history = history,
    actual = actual, forecast = predicted, season_length = m,
    expected = list(
      MAE = a["Test set", "MAE"], RMSE = a["Test set", "RMSE"], MAPE = a["Test set", "MAPE"],
      MASE = a["Test set", "MASE"],
      SMAPE = mean(200 * abs(actual - predicted) / (abs(actual) + abs(predicted))),
      WAPE = 100 * sum(abs(actual - predicted)) / sum(abs(actual)),
      BIAS = -a["Test set", "ME"]
    )
  )
}

# Standard normal upper-tail quantiles used by the seasonality test.
probabilities <- c(0.025, 0.005, 0.05 / (2 * 6), 0.05 / (2 * 72), 0.05 / (2 * 366))
normal_cases <- lapply(probabilities, function(p) list(p = p, quantile = qnorm(p, lower.tail = FALSE)))

# Seasonal naive and linear examples of our own.
linear_example <- list(y = c(6, 7, 9, 15, 21), x = c(20, 28, 31, 38, 40))
fit <- lm(y ~ x, data = linear_example)
linear_example$slope <- unname(coef(fit)[2])
linear_example$intercept <- unname(coef(fit)[1])

out <- list(
  generated_by = "make-cases.R", versions = versions,
  croston = croston_cases, optimised = optimised_cases, no_trend = no_trend_cases, accuracy = accuracy_cases,
  normal_quantiles = normal_cases, linear_example = linear_example
)
write_json(out, "r-cases.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
