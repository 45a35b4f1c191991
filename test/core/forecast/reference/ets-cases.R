# Writes ets-cases.json: R's forecast::ets results for the tests of src/core/forecast/ets.
# Run from this folder with the shared data folder as argument:
#   Rscript ets-cases.R <data-folder>
# Inputs are not written out; the tests read them from the data folder by file and key.
suppressMessages({
  library(forecast)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript ets-cases.R <data-folder>")
data_dir <- args[1]

versions <- list(
  r = paste(R.version$major, R.version$minor, sep = "."),
  forecast = as.character(packageVersion("forecast"))
)

# The 15 models ets() considers by default, as codes with "d" for a damped trend.
model_codes <- c("ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN",
                 "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM")

code_of <- function(fit) {
  c <- fit$components
  paste0(c[1], c[2], ifelse(c[4] == "TRUE", "d", ""), c[3])
}

# AICc of every default model R can fit to y; a model R rejects is left out.
model_aicc <- function(y) {
  out <- list()
  for (code in model_codes) {
    fit <- tryCatch(
      suppressWarnings(ets(y, model = gsub("d", "", code), damped = grepl("d", code))),
      error = function(e) NULL
    )
    if (!is.null(fit) && is.finite(fit$aicc)) out[[code]] <- fit$aicc
  }
  out
}

# For a multiplicative season, forecast.ets's default intervals come from an approximate
# formula (class 3 of Hyndman et al. 2008), whose normal shape can even go below 0, and its mean
# adds a variance correction. Simulated intervals with many paths (and the point forecast
# as the mean) show the distribution that the product's simulation estimates.
simulated_forecast <- function(fit, h) {
  if (fit$components[3] != "M") return(NULL)
  set.seed(2008)
  f <- forecast(fit, h = h, level = c(80, 95), simulate = TRUE, npaths = 100000)
  list(
    paths = 100000, mean = as.numeric(f$mean),
    lower80 = as.numeric(f$lower[, 1]), upper80 = as.numeric(f$upper[, 1]),
    lower95 = as.numeric(f$lower[, 2]), upper95 = as.numeric(f$upper[, 2])
  )
}

make_case <- function(id, source, y, m, h) {
  yts <- ts(y, frequency = m)
  fit <- ets(yts)
  f <- forecast(fit, h = h, level = c(80, 95))
  # Initial seasonal states in time order (periods 1 ... m of the history); R stores them
  # newest first as s1 ... sm.
  components <- fit$components
  initial <- list(level = unname(fit$initstate["l"]))
  if (components[2] != "N") initial$trend <- unname(fit$initstate["b"])
  initial$seasonal <- if (components[3] == "N") numeric(0) else
    rev(as.numeric(fit$initstate[grep("^s", names(fit$initstate))]))
  result <- c(source, list(
    id = id, season_length = m, horizon = h,
    expected = list(
      model = code_of(fit), aicc = fit$aicc, loglik = fit$loglik, sigma2 = fit$sigma2,
      parameters = as.list(fit$par[intersect(c("alpha", "beta", "gamma", "phi"), names(fit$par))]),
      initial = initial,
      mean = as.numeric(f$mean),
      lower80 = as.numeric(f$lower[, 1]), upper80 = as.numeric(f$upper[, 1]),
      lower95 = as.numeric(f$lower[, 2]), upper95 = as.numeric(f$upper[, 2])
    ),
    model_aicc = model_aicc(yts)
  ))
  result$simulated <- simulated_forecast(fit, h)
  result
}

cases <- list()

air <- read.csv(file.path(data_dir, "airpassengers.csv"))
cases[[length(cases) + 1]] <- make_case(
  "airpassengers", list(file = "airpassengers.csv", value_column = "passengers"),
  air$passengers, 12, 24
)

segment <- read.csv(file.path(data_dir, "superstore_monthly_by_segment.csv"))
for (key in unique(segment$segment)) {
  cases[[length(cases) + 1]] <- make_case(
    sprintf("superstore-%s", tolower(key)),
    list(file = "superstore_monthly_by_segment.csv", key_column = "segment", key = key,
         value_column = "sales"),
    segment$sales[segment$segment == key], 12, 12
  )
}

# A few M3 monthly series of different lengths and categories.
m3 <- read.csv(file.path(data_dir, "m3-monthly-odd", "train.csv"))
for (series in c("N1402", "N1762", "N1942", "N2302", "N2482", "N2662")) {
  row <- m3[m3$series == series, ]
  values <- as.numeric(row[1, paste0("v", seq_len(row$n))])
  cases[[length(cases) + 1]] <- make_case(
    sprintf("m3-%s", series),
    list(file = "m3-monthly-odd/train.csv", key_column = "series", key = series),
    values, 12, 18
  )
}

writeLines(
  toJSON(list(versions = versions, cases = cases), auto_unbox = TRUE, digits = NA, pretty = TRUE),
  "ets-cases.json"
)
