variable "environment" {
  description = "Deployment environment."
  type        = string
  default     = "prod"

  validation {
    condition     = contains(["prod", "staging", "dev"], var.environment)
    error_message = "environment must be prod, staging or dev."
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "service_name" {
  type    = string
  default = "service-0"
}

variable "data_class" {
  description = "Classification of the data this service stores."
  type        = string
  default     = "restricted"
}

variable "deletion_window_in_days" {
  type    = number
  default = 30
}

variable "enable_rotation" {
  type    = bool
  default = true
}

variable "log_retention_days" {
  type    = number
  default = 365
}

variable "allowed_account_ids" {
  type    = list(string)
  default = ["111122223333"]
}
